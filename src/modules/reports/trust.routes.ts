import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { countText } from './reports.rules.ts';
import type { ReportsServices } from './services.ts';

const YearQuery = Type.Object({ academicYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
const reviewWords: Record<string, string> = { overdue: 'Overdue', due: 'Due soon', 'in-date': 'In date', 'no-date': 'Never recorded' };

/**
 * The trust view: whoever runs the server names a trust's lead (`esafety trust lead`), so the page is
 * open to any signed-in person and answers 404 to everyone who leads no trust.
 */
export const trustRoutes: ModuleRoutes<ReportsServices> = async (app, { services }) => {
  app.get('/trust', { config: { permission: 'signed-in' }, schema: { hide: true, querystring: YearQuery } }, async (request, reply) => {
    const overview = await services.trust.overview(actorOf(request), request.query.academicYear);
    return render(request, reply, 'reports/views/trust.njk', {
      title: `${overview.trust}: the schools side by side`,
      overview,
      rows: overview.schools.map((s) => ({
        ...s,
        concernsText: countText(s.concerns),
        referralsText: countText(s.referrals),
        photosText: countText(s.photosPublished),
        filteringText: reviewWords[s.filteringReview] ?? s.filteringReview,
      })),
      overdue: overview.schools.flatMap((s) => [
        ...(s.policyReviewsOverdue ? [`${s.name}: ${s.policyReviewsOverdue} policy ${s.policyReviewsOverdue === 1 ? 'review' : 'reviews'} overdue`] : []),
        ...(s.filteringReview === 'overdue' || s.filteringReview === 'no-date'
          ? [`${s.name}: yearly filtering review ${s.filteringReview === 'overdue' ? 'overdue' : 'never recorded'}`]
          : []),
        ...(s.trainingOverdue ? [`${s.name}: ${s.trainingOverdue} ${s.trainingOverdue === 1 ? 'course' : 'courses'} of staff training overdue`] : []),
      ]),
    });
  });
};
