import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { openAppDatabase } from '../../src/platform/db/open.ts';
import { unsealClientSecret } from '../../src/platform/auth/sso-secret.ts';
import { migratedDataFolder } from '../helpers/data-folder.ts';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const secret = 'the client secret from Entra ID~0123456789';

async function cli(dataDir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', DATA_DIR: dataDir, BASE_URL: 'https://esafety.ashby.sch.uk' },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('esafety sso set', { timeout: 120_000 }, () => {
  let dataDir: string;
  let secretFile: string;
  const set = (...args: string[]) =>
    cli(dataDir, ['sso', 'set', '--school', '130001', '--client-id', 'app-id-123', '--client-secret-file', secretFile, ...args]);

  beforeAll(async () => {
    dataDir = migratedDataFolder('esafety-sso-');
    secretFile = join(dataDir, 'client-secret.txt');
    writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
    expect((await cli(dataDir, ['school', 'add', '--name', 'Ashby Primary', '--urn', '130001'])).code).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses Microsoft’s shared endpoints and other mistakes with exit 2, naming the option', async () => {
    for (const shared of ['common', 'organizations', 'Consumers']) {
      const refused = await set('--provider', 'microsoft', '--tenant', shared);
      expect(refused).toMatchObject({ code: 2, err: expect.stringContaining(`--tenant must be your school’s own tenant ID, not "${shared.toLowerCase()}"`) });
    }
    expect(await set('--provider', 'microsoft', '--tenant', 'contoso')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--tenant must be a tenant ID'),
    });
    expect(await set('--provider', 'google')).toMatchObject({ code: 2, err: expect.stringContaining('--domain is required') });
    expect(await set('--provider', 'oidc', '--issuer', 'http://login.example.org')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--issuer must start with https://'),
    });
    for (const shared of ['common', 'organizations']) {
      expect(await set('--provider', 'oidc', '--issuer', `https://login.microsoftonline.com/${shared}/v2.0`)).toMatchObject({
        code: 2,
        err: expect.stringContaining(`--issuer must not be Microsoft’s shared "${shared}" endpoint`),
      });
    }
    expect(await set('--provider', 'okta', '--issuer', 'https://login.example.org')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--provider must be'),
    });
    const noFile = await cli(dataDir, ['sso', 'set', '--school', '130001', '--provider', 'google', '--domain', 'ashby.sch.uk', '--client-id', 'x']);
    expect(noFile).toMatchObject({ code: 2, err: expect.stringContaining('--client-secret-file is required') });
  });

  it('sets Microsoft pinned to the school’s tenant, keeps the secret sealed and out of the output and the audit log', async () => {
    const result = await set('--provider', 'microsoft', '--tenant', tenant);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('Ashby Primary now offers “Sign in with Microsoft”') });
    expect(result.out).toContain(`https://login.microsoftonline.com/${tenant}/v2.0`);
    expect(result.err).toContain('https://esafety.ashby.sch.uk/auth/oidc/callback');
    expect(`${result.out}${result.err}`).not.toContain(secret);

    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      const row = await database.db.selectFrom('school_sign_in_providers').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ provider: 'microsoft', issuer: `https://login.microsoftonline.com/${tenant}/v2.0`, tenant, client_id: 'app-id-123' });
      expect(row.client_secret_sealed).not.toContain(secret);
      expect(unsealClientSecret(loadConfig({ NODE_ENV: 'test' }).sessionSecret, row.client_secret_sealed)).toBe(secret);
      const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_label', 'detail']).where('action', '=', 'sso.set').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_label).toMatch(/^CLI/);
      expect(audit[0].detail).toMatchObject({ provider: 'microsoft', tenant, clientId: 'app-id-123', change: 'added' });
      expect(JSON.stringify(audit)).not.toContain(secret);
    } finally {
      await database.close();
    }
  });

  it('changes to Google for the school’s domain, audited as a change; the head’s choices for Microsoft are reset and it says so', async () => {
    const before = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      await before.db.updateTable('school_sign_in_providers').set({ provider_mfa: true, passwords_off: true }).execute();
    } finally {
      await before.close();
    }
    const result = await set('--provider', 'google', '--domain', 'Ashby.sch.uk');
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('“Sign in with Google”') });
    expect(result.out).toContain('passwords are switched back on and the provider is no longer taken to enforce multi-factor sign-in');
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      const row = await database.db.selectFrom('school_sign_in_providers').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ provider: 'google', issuer: 'https://accounts.google.com', domain: 'ashby.sch.uk', tenant: null });
      expect(row).toMatchObject({ provider_mfa: false, passwords_off: false });
      const changes = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'sso.set').orderBy('id').execute();
      expect(changes.map((c) => (c.detail as { change: string }).change)).toEqual(['added', 'changed']);
      expect(changes[1].detail).toMatchObject({ choicesReset: ['passwords-off', 'provider-mfa'] });
    } finally {
      await database.close();
    }
  });

  it('sso unlink removes one person’s link to the provider, audited; an address nobody linked is said so', async () => {
    expect(await cli(dataDir, ['sso', 'unlink', '--school', '130001'])).toMatchObject({ code: 2, err: expect.stringContaining('--email is required') });
    const database = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      const school = await database.db.selectFrom('schools').select('id').where('urn', '=', '130001').executeTakeFirstOrThrow();
      const staff = await database.db
        .insertInto('staff')
        .values({ school_id: school.id, given_name: 'Ivy', family_name: 'Lane', email: 'ivy@ashby.sch.uk' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('staff_identities')
        .values({ school_id: school.id, staff_id: staff.id, issuer: 'https://accounts.google.com', subject: '1234', last_signed_in_at: null })
        .execute();
    } finally {
      await database.close();
    }
    const unlinked = await cli(dataDir, ['sso', 'unlink', '--school', '130001', '--email', 'IVY@ashby.sch.uk']);
    expect(unlinked).toMatchObject({ code: 0, out: expect.stringContaining('will be linked again by their MIS e-mail') });
    expect(await cli(dataDir, ['sso', 'unlink', '--school', '130001', '--email', 'ivy@ashby.sch.uk'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('nothing to unlink'),
    });
    const after = await openAppDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), 'test');
    try {
      expect(await after.db.selectFrom('staff_identities').select('id').execute()).toEqual([]);
      const audit = await after.db.selectFrom('audit_log').select(['detail', 'actor_label']).where('action', '=', 'sso.unlinked').execute();
      expect(audit).toEqual([{ detail: { identitiesRemoved: 1 }, actor_label: expect.stringMatching(/^CLI/) }]);
    } finally {
      await after.close();
    }
  });
});
