/** What a consent status means, in the words staff read on every consent page. */
export const statusText: Record<string, string> = {
  may: 'May be photographed',
  'may-not': 'Must not be photographed',
  'no-answer': 'No answer – do not photograph',
};
