/** The guide's topics, in the order of its contents. */
export const helpTopics = ['start', 'meetings', 'minutes', 'room', 'tasks', 'reports', 'plans', 'sync', 'documents', 'reader', 'packs', 'opinions', 'directory', 'settings'] as const;
export type HelpTopic = (typeof helpTopics)[number];

/** The topic about the screen at `pathname`: what F1 opens. */
export function topicForPath(pathname: string): HelpTopic {
  if (pathname.startsWith('/reader')) return 'reader';
  if (/^\/meetings\/[^/]+\/(minutes|notice)/.test(pathname)) return 'minutes';
  if (/^\/meetings\/[^/]+\/room/.test(pathname) || pathname.startsWith('/room') || pathname.startsWith('/projector')) return 'room';
  if (pathname.startsWith('/meetings')) return 'meetings';
  if (pathname.startsWith('/opinions')) return 'opinions';
  if (pathname === '/tasks/report') return 'reports';
  if (pathname.startsWith('/tasks')) return 'tasks';
  if (pathname.startsWith('/plans')) return 'plans';
  if (pathname.startsWith('/sync')) return 'sync';
  if (pathname.startsWith('/documents') || pathname.startsWith('/search')) return 'documents';
  if (pathname.startsWith('/directory')) return 'directory';
  if (pathname.startsWith('/settings')) return 'settings';
  return 'start';
}

export function isHelpTopic(value: string | null): value is HelpTopic {
  return (helpTopics as readonly string[]).includes(value ?? '');
}
