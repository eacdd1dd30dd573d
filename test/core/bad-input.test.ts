import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/interactions/registry.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const moderator = { user: '@admin:example.org' };

describe('bad input gets a clear, localized reply with the usage line', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(() => h.close());

  const missing = commands.flatMap((command) =>
    command.subcommands
      .filter((sub) => sub.args.some((arg) => !arg.optional))
      .map((sub) => [`/${command.name} ${sub.name}`, command.name, sub.name] as const),
  );

  it.each(missing)('%s without its arguments', async (line, command, sub) => {
    const [reply] = await h.run(line, moderator);
    expect(reply).toMatch(/^Il manque : .+\.\nUsage : /);
    expect(reply).toContain(`/${command} ${sub} `);
  });

  it.each([
    ['/tip show abc', '« n° » n’est pas valide : un numéro est attendu, par exemple 12.', '/tip show <n°>'],
    ['/tip show 999', 'Astuce n°999 introuvable.', '/tip show <n°>'],
    ['/tip add ab', '« texte [#tags] » n’est pas valide : trop court.', '/tip add <texte [#tags]>'],
    ['/tip list not a tag', 'Trop d’arguments.', '/tip list [#tag]'],
    ['/tip vote 1 2', 'Trop d’arguments.', '/tip vote <n°>'],
    ['/meetup create Apéro | n’importe quand | Mairie', 'Je ne comprends pas la date « n’importe quand ».', '/meetup create <titre> | <quand> | <où>'],
    ['/meetup create Apéro | jeudi | Mairie', 'J’ai compris le jeudi 3 décembre 2026, mais pas l’heure', '/meetup create'],
    ['/meetup create Apéro | 1er janvier 2020 10h | Mairie', 'Le mercredi 1er janvier 2020 à 10 h est déjà passé.', '/meetup create'],
    ['/meetup create Apéro | jeudi 18h | Mairie | capacité zéro', '« capacité zéro » : j’attends « capacité 30 », « rappels 2j,1h », « réservé aux membres », « publier », ou pour une série « jusqu’au 30 juin 2027 » et « annonce 10j ».', '/meetup create'],
    ['/meetup create Apéro | jeudi 18h | Mairie | 30 | extra', '« extra » : j’attends « capacité 30 », « rappels 2j,1h », « réservé aux membres », « publier », ou pour une série « jusqu’au 30 juin 2027 » et « annonce 10j ».', '/meetup create <titre> | <quand> | <où> | [capacité N | rappels 2j,1h | réservé aux membres | jusqu’au … | annonce 10j | publier]'],
    ['/meetup create Apéro | jeudi 18h | Mairie | 30 | 40', '« 40 » est donné deux fois.', '/meetup create'],
    ['/meetup create Apéro | jeudi 18h | Mairie | rappels demain', '« demain » : écrivez les délais avant la rencontre', '/meetup create'],
    ['/meetup rsvp 1 peut-etre-pas', '« oui|peut-être|non » n’est pas valide : oui, peut-être ou non.', '/meetup rsvp <n°> <oui|peut-être|non>'],
    ['/meetup edit 1 couleur rouge', '« titre|quand|fin|durée|lieu|capacité|rappels|description|membres » n’est pas valide', '/meetup edit'],
    ['/meetup show 42', 'Rencontre n°42 introuvable.', '/meetup show <n°>'],
    ['/summary config jour dimanche-soir', '« valeur » n’est pas valide : un jour de la semaine', '/summary config'],
    ['/summary config couleur bleu', '« réglage » n’est pas valide', '/summary config'],
    ['/summary config time 25:00', 'une heure comme 09:00', '/summary config'],
    ['/relais network Pas_Un_Slug!', '« identifiant-du-réseau » n’est pas valide', '/relais network'],
    ['/relais role give organizer @bob:example.org', '« grant|revoke » n’est pas valide', '/relais role'],
    ['/nope', 'Commande inconnue : /nope.', undefined],
  ])('%s', async (line, message, usage) => {
    const [reply] = await h.run(line, moderator);
    expect(reply).toContain(message);
    if (usage) expect(reply).toContain(`Usage : ${usage}`);
    expect(reply).not.toMatch(/at .+\.ts:\d+|Error:|undefined|\{\w+\}/);
  });

  it('answers in English in an English channel', async () => {
    await h.run('/summary config locale en', moderator);
    const [reply] = await h.run('/tip show abc', moderator);
    expect(reply).toBe('“id” is not valid: a number is expected, e.g. 12.\nUsage: /tip show <id>');
    await h.run('/summary config langue fr', moderator);
  });

  it('shows the help of a command when it is called without a subcommand', async () => {
    const [reply] = await h.run('/meetup');
    expect(reply).toContain('Aide de /meetup');
    expect(reply).toContain('/meetup rsvp <n°> <oui|peut-être|non>');
  });
});
