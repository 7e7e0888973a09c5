/**
 * Reading a module's own source, for the tests that hold it to the house pattern
 * (docs/ARCHITECTURE.md). Works on formatted code: a route declaration may span many lines.
 */
export interface RouteDeclaration {
  file: string;
  method: string;
  /** From `app.post(` up to the handler: the path and the options with their schema. */
  declaration: string;
  /** The line just before, where an exception is explained ("@fastify/multipart attaches"). */
  before: string;
}

export function routeDeclarations(files: { name: string; text: string }[], methods: readonly string[] = ['post', 'put']): RouteDeclaration[] {
  const found: RouteDeclaration[] = [];
  for (const { name, text } of files) {
    const pattern = new RegExp(`app\\.(${methods.join('|')})\\(`, 'g');
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const rest = text.slice(match.index);
      const handler = rest.search(/async \(|\(request|\(_request/);
      const declaration = handler === -1 ? rest.slice(0, 400) : rest.slice(0, handler);
      const lineStart = text.lastIndexOf('\n', match.index - 1);
      const before = text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
      found.push({ file: name, method: match[1], declaration, before });
    }
  }
  return found;
}

/** Route declarations (POST and PUT by default) without a `body:` schema, except those whose line before says why. */
export function withoutBodySchema(files: { name: string; text: string }[], exception = '@fastify/multipart attaches', methods?: readonly string[]): string[] {
  return routeDeclarations(files, methods)
    .filter(({ declaration, before }) => !/body: \w+/.test(declaration) && !before.includes(exception) && !declaration.includes(exception))
    .map(({ file, declaration }) => `${file}: ${declaration.replace(/\s+/g, ' ').trim().slice(0, 80)}`);
}
