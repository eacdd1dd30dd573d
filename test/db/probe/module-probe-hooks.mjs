// The hooks of module-probe.mjs (they run on the loader's own thread: they write the file directly).
import fs from 'node:fs';

let out;
export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  fs.appendFileSync(out, `import ${resolved.url}\n`);
  return resolved;
}
