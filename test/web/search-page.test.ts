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
    expect(body).toContain('<p class="excerpt" lang="fr">Les fiches &lt;b&gt;<mark>partagées</mark>&lt;/b&gt; sont dans le dossier commun</p>');
    expect(body).toContain('<a href="/tips?tag=deliberations">#Délibérations</a>');
    expect(body).not.toContain('<b>partagées</b>');
  });

  it('lists tips with the text that follows their title when not searching, nothing marked', async () => {
    await relais.run('/tip add Rangement des fiches\nElles sont classées par <commune> dans le dossier commun');
    const body = await page('/tips');
    expect(body).toContain('<a href="/tips/2" lang="fr">Rangement des fiches</a>');
    expect(body).toContain('<p class="excerpt" lang="fr">Elles sont classées par &lt;commune&gt; dans le dossier commun</p>');
    expect(body).not.toContain('<mark>');
  });
});
