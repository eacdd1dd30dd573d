// The /tips search page: excerpts with the matched words marked, tags as written, user text escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/test-database.ts';
import { startWebRelais, type WebRelais } from './web-relais.ts';

describe.each(engines)('tip search page (%s)', (engine) => {
  let relais: WebRelais;
  const page = async (path: string) => (await fetch(`${relais.base}${path}`)).text();

  beforeAll(async () => {
    relais = await startWebRelais(engine);
    await relais.run('/tip add Les fiches <b>partagées</b> sont dans le dossier commun #Délibérations');
  });
  afterAll(() => relais?.close());

  it('marks the matched words in an excerpt, escaped, and shows tags as written', async () => {
    const body = await page('/tips?q=partager');
    expect(body).toContain('<p class="excerpt">Les fiches &lt;b&gt;<mark>partagées</mark>&lt;/b&gt; sont dans le dossier commun</p>');
    expect(body).toContain('<a href="/tips?tag=deliberations">#Délibérations</a>');
    expect(body).not.toContain('<b>partagées</b>');
  });

  it('lists tips without excerpts when not searching', async () => {
    expect(await page('/tips')).not.toContain('class="excerpt"');
  });
});
