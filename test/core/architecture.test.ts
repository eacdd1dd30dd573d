/**
 * The port's rules, checked on the real import graph (dependency-cruiser, type-only imports
 * included): adapters import only src/core/; src/ imports no adapter but through the composition
 * root; no chat SDK under src/; the core imports nothing above it; no import cycle between
 * modules, nor between the folders of src/.
 */
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

const ADAPTERS = '^(adapters|test/memory-chat)/';
const rules: IForbiddenRuleType[] = [
  { name: 'adapters-import-only-the-core', severity: 'error', from: { path: `${ADAPTERS}[^/]+/` }, to: { path: '^src/', pathNot: '^src/core/' } },
  { name: 'adapters-import-no-other-adapter', severity: 'error', from: { path: '^adapters/([^/]+)/' }, to: { path: '^adapters/', pathNot: ['^adapters/$1/'] } },
  { name: 'only-the-composition-root-names-platforms', severity: 'error', from: { path: '^src/', pathNot: '^src/main\\.ts$' }, to: { path: ADAPTERS } },
  { name: 'no-chat-sdk-in-src', severity: 'error', from: { path: '^src/' }, to: { path: 'node_modules/(@slack/|matrix-bot-sdk/|@matrix-org/)' } },
  { name: 'the-core-imports-nothing-above-it', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/', pathNot: '^src/core/' } },
  { name: 'no-import-cycle', severity: 'error', from: {}, to: { circular: true } },
];

/** Cycles in a graph of names, as lists of the names around each (empty when there is none). */
export function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** The folder of src/ a module is in ("src/domain"), or undefined for files at src/'s root and outside it. */
const folderOf = (source: string) => /^src\/([^/]+)\//.exec(source)?.[0].slice(0, -1);

describe('architecture', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = (await cruise(['src', 'adapters', 'test/memory-chat'], {
      exclude: { path: '^src/generated/' },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      tsConfig: { fileName: 'tsconfig.json' },
      // Packages' subpath exports ("@orama/stemmers/french") resolve as Node resolves them.
      enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default', 'types'] },
      ruleSet: { forbidden: rules },
      validate: true,
    })).output as ICruiseResult;
  }, 60_000);

  it('reads the whole project, every import resolved', () => {
    expect(result.modules.filter((module) => /^(src|adapters)\//.test(module.source)).length).toBeGreaterThan(150);
    const unresolved = result.modules.flatMap((module) => module.dependencies.filter((dependency) => dependency.couldNotResolve).map((dependency) => `${module.source} → ${dependency.module}`));
    expect(unresolved).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.name!]))('keeps the rule %s', (name) => {
    const broken = result.summary.violations.filter((violation) => violation.rule.name === name).map((violation) => `${violation.from} → ${violation.to}`);
    expect(broken).toEqual([]);
  });

  it('has no import cycle between the folders of src/', () => {
    const edges = new Map<string, Set<string>>();
    for (const module of result.modules) {
      const from = folderOf(module.source);
      if (!from) continue;
      for (const dependency of module.dependencies) {
        const to = folderOf(dependency.resolved);
        if (to && to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
      }
    }
    expect(edges.size).toBeGreaterThan(5);
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('would see a cycle, and code reaching past the core, were there one', async () => {
    expect(cyclesOf(new Map([['src/a', new Set(['src/b'])], ['src/b', new Set(['src/c'])], ['src/c', new Set(['src/a'])]]))).toEqual([['src/a', 'src/b', 'src/c', 'src/a']]);
    // test/support builds Relais: held to the adapters' rule, it breaks it, and the rule says where.
    const probe = (await cruise(['test/support/harness.ts'], {
      tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' }, doNotFollow: { path: 'node_modules' },
      ruleSet: { forbidden: [{ name: 'probe', severity: 'error', from: { path: '^test/support/' }, to: { path: '^src/', pathNot: '^src/core/' } }] }, validate: true,
    })).output as ICruiseResult;
    expect(probe.summary.violations.map((violation) => violation.to)).toContain('src/build.ts');
  });
});
