/**
 * Start-up problems said in words, naming what to look at: the database server (host and port),
 * the data folder, or the migration. Used by openAppDatabase, so the server and the CLI say the same.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** How long a PostgreSQL server has to accept a connection and say it is ready. */
export const connectTimeoutMs = 10_000;

/** DATABASE_URL with any password replaced, for messages and logs. */
export function maskedUrl(raw: string): string {
  return raw.replace(/(\/\/[^/@:]*:)[^@/]*@/, '$1****@');
}

/**
 * Checks DATABASE_URL before anything uses it. A string that is not a postgres:// address would
 * otherwise be read relative to a dummy host by the driver and fail as "getaddrinfo ENOTFOUND base".
 */
export function checkDatabaseUrl(raw: string): void {
  const example = 'postgres://USER:PASSWORD@HOST:5432/DATABASE';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(`DATABASE_URL is not a PostgreSQL address: it should look like ${example}, but it is "${maskedUrl(raw)}".`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StartupError(`DATABASE_URL must start with postgres:// (it starts with "${url.protocol}//"): it should look like ${example}.`);
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new StartupError(`DATABASE_URL names no database server: it should look like ${example}, but it is "${maskedUrl(raw)}".`);
  }
}

/** "host:port" of a DATABASE_URL, for messages. */
export function serverOf(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.hostname || url.searchParams.get('host') || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

/** A failure to reach or use the PostgreSQL server, in words. */
export function postgresProblem(error: unknown, raw: string): StartupError {
  const where = serverOf(raw);
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const text = message ?? String(error);
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    /* checked before */
  }
  const database = url?.pathname.slice(1) || 'postgres';
  const user = url ? decodeURIComponent(url.username) : '';
  if (/timeout expired|connection timeout/i.test(text)) {
    return new StartupError(
      `The database server at ${where} (DATABASE_URL) did not answer within ${connectTimeoutMs / 1000} seconds. ` +
        `Check that ${where} is a PostgreSQL server, that it is running normally, and that no firewall holds the connection.`,
      { cause: error },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StartupError(`The database server "${where.replace(/:\d+$/, '')}" in DATABASE_URL could not be found: check the host name.`, { cause: error });
  }
  if (code === 'ECONNREFUSED') {
    return new StartupError(`Nothing accepts connections at ${where} (DATABASE_URL): is PostgreSQL running there, on that port?`, { cause: error });
  }
  if (code === '28P01' || code === '28000') {
    return new StartupError(`The database server at ${where} refused the user "${user}": ${text}. Check the user and password in DATABASE_URL.`, {
      cause: error,
    });
  }
  if (code === '3D000') {
    return new StartupError(`The database "${database}" does not exist on ${where}: create it (createdb ${database}) or correct DATABASE_URL.`, {
      cause: error,
    });
  }
  if (code === '57014' || /query read timeout/i.test(text)) {
    return new StartupError(`The database server at ${where} took too long to answer: ${text}.`, { cause: error });
  }
  return new StartupError(`The database at ${where} (DATABASE_URL) could not be used: ${text}`, { cause: error });
}

// Error numbers of the file system PGlite runs on (Emscripten), which reports them without a name.
const emscriptenErrno: Record<number, string> = { 2: 'EACCES', 29: 'EIO', 44: 'ENOENT', 51: 'ENOSPC', 63: 'EPERM', 69: 'EROFS' };

/** The errno name of a file system error, from Node or from PGlite's file system. */
export function fileErrorCode(error: unknown): string | null {
  const { code, errno, name } = (error ?? {}) as { code?: unknown; errno?: unknown; name?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  if (name === 'ErrnoError' && typeof errno === 'number') return emscriptenErrno[errno] ?? `errno ${errno}`;
  return null;
}

/** A failure to create, write or open the data folder, in words; null when it is not a file system error. */
export function dataDirProblem(error: unknown, dataDir: string): StartupError | null {
  if (error instanceof StartupError) return error;
  const code = fileErrorCode(error);
  if (!code) return null;
  const where = `the data folder ${dataDir} (DATA_DIR)`;
  const says: Record<string, string> = {
    ENOSPC: `The disk that holds ${where} is full. Free some space (eSafety Office needs about 100 MB to create its database), then start it again.`,
    EROFS: `The disk that holds ${where} is read-only. Start eSafety Office with DATA_DIR on a disk it can write to, or mount this one read-write.`,
    EACCES: `eSafety Office may not write to ${where}. Give the account that runs it ownership of the folder (for example: chown -R <user> ${dataDir}).`,
    EPERM: `eSafety Office may not write to ${where}. Give the account that runs it ownership of the folder (for example: chown -R <user> ${dataDir}).`,
    EIO: `The disk that holds ${where} reported a read or write error. Check the disk before starting eSafety Office again.`,
    ENOENT: `${where[0].toUpperCase()}${where.slice(1)} could not be created: check that the folder above it exists and can be written to.`,
  };
  return new StartupError(says[code] ?? `${where[0].toUpperCase()}${where.slice(1)} could not be used (${code}).`, { cause: error });
}
