/**
 * Messages to carers from the policies (AGR-4): the welcome when a child joins, the invitation to
 * an e-safety meeting or assembly, a newsletter paragraph, what to do about a post about the
 * school, and the cyber-bullying letter (001 §9). The sender can change every word before sending.
 */
export interface TemplateContext {
  schoolName: string;
  policiesUrl: string;
  minimumAge: number;
}

export interface MessageTemplate {
  key: string;
  label: string;
  subject: string;
  body: string;
}

/** Reporting and blocking, platform by platform, for the cyber-bullying letter. */
export const platforms: Record<string, { label: string; advice: string }> = {
  whatsapp: {
    label: 'WhatsApp',
    advice: 'In WhatsApp, open the chat, tap the person’s name, then “Block” and “Report”. You can leave a group from the group’s information page.',
  },
  instagram: {
    label: 'Instagram',
    advice: 'In Instagram, tap the three dots on the post, message or profile, then “Report”; on the profile choose “Block”. Reports are anonymous.',
  },
  tiktok: {
    label: 'TikTok',
    advice: 'In TikTok, press and hold the video or comment and choose “Report”; on the profile, tap the share arrow and choose “Block”.',
  },
  snapchat: { label: 'Snapchat', advice: 'In Snapchat, press and hold the snap or the person’s name, choose “Report”, then “Block”.' },
  youtube: {
    label: 'YouTube',
    advice: 'In YouTube, tap the three dots next to the video or comment and choose “Report”; block a user from their channel page.',
  },
  roblox: {
    label: 'Roblox or online games',
    advice: 'In Roblox and most online games, open the player’s profile and choose “Block” and “Report abuse”. Parental controls can turn off chat.',
  },
  other: {
    label: 'Another app or website',
    advice: 'Most apps and websites have “Report” and “Block” on the post, message or profile. The UK Safer Internet Centre explains how for each one.',
  },
};

export function messageTemplates(context: TemplateContext, platform = 'other'): MessageTemplate[] {
  const { schoolName, policiesUrl, minimumAge } = context;
  const advice = (platforms[platform] ?? platforms.other).advice;
  return [
    {
      key: 'welcome',
      label: 'Welcome when a child joins',
      subject: `Welcome to ${schoolName}: staying safe online`,
      body: `Welcome to ${schoolName}. We teach every child how to stay safe online, and we ask families to help.

Our e-safety policies are on our website: ${policiesUrl}

Most social media apps, including Facebook, Instagram, Snapchat, TikTok and WhatsApp, are only for people aged ${minimumAge} and over. Please do not let your child use them before then.

Please do not post photographs or videos of other people's children taken at school events on social media. You are welcome to take pictures of your own child for your family.

If you have a worry about something online, please speak to us rather than posting about it.`,
    },
    {
      key: 'meeting',
      label: 'Invitation to an e-safety meeting or assembly',
      subject: `${schoolName}: e-safety meeting for parents and carers`,
      body: `You are invited to an e-safety meeting for parents and carers at ${schoolName}.

Date: [write the date]
Time: [write the time]
Where: [write the place]

We will show you how children use the internet, the apps they talk about, and the settings that keep them safe. There will be time for your questions.

Please let the school office know if you can come.`,
    },
    {
      key: 'newsletter',
      label: 'Newsletter paragraph',
      subject: `${schoolName}: staying safe online`,
      body: `Staying safe online: this term the children are learning the SMART rules, keeping personal information private and telling a grown-up if something online worries them. Please talk about the rules at home. Most social media is for people aged ${minimumAge} and over. Our e-safety policies are on our website: ${policiesUrl}`,
    },
    {
      key: 'social-post',
      label: 'A post about the school: what to do',
      subject: `${schoolName}: posts about the school on social media`,
      body: `We have been made aware of posts on social media about the school.

If you have a concern about the school, please speak to us directly: the school office will arrange a meeting with your child's class teacher or the headteacher. Concerns raised on social media cannot be answered there, and posts can upset children and staff.

Please do not post comments, photographs or videos that identify other children or members of staff.`,
    },
    {
      key: 'cyber-bullying',
      label: 'Cyber bullying: telling the carers of the pupils involved',
      subject: `${schoolName}: please contact the school`,
      body: `We need to speak with you about something that happened online and involved your child. Please contact the school office so we can arrange a time to talk.

Until then, please keep any messages or pictures (take a screenshot) but do not reply to them.

How to report and block on ${(platforms[platform] ?? platforms.other).label}: ${advice}

If a child is in danger, call 999. You can also report online abuse to CEOP: https://www.ceop.police.uk`,
    },
  ];
}
