import type { Declarations } from '../../src/core/port.ts';
import { truncate } from '../../src/core/text.ts';
import { EVENTS_PATH } from './paths.ts';
import { botScopeGroups } from './scopes.ts';

const quoted = (text: string) => JSON.stringify(text);

/**
 * The Slack app manifest (api.slack.com/apps → Create New App → From an app manifest), generated
 * from the declarations: every command and the "save as tip" shortcut, in French. `npx relais generate`
 * writes it to adapters/slack/manifest.yml, and a test fails when that file is stale.
 */
export function slackManifest(declarations: Declarations): string {
  const url = `https://relais.example.org${EVENTS_PATH}`;
  const commands = declarations.commands.flatMap((command) => [
    `    - command: /${command.name}`,
    `      url: ${url}`,
    // Slack caps a command's description at 100 characters.
    `      description: ${quoted(truncate(command.help.fr ?? command.name, 100))}`,
    `      usage_hint: ${quoted(`[${command.usage.fr}] …`)}`,
    // Escaped, so that a mention arrives as a user id (<@U…>), which is how people are named.
    '      should_escape: true',
  ]);
  const scopes = botScopeGroups.flatMap((group) => [...(group.why ? [`      # ${group.why}`] : []), ...group.scopes.map((scope) => `      - ${scope}`)]);
  const { capture } = declarations;
  return `# Slack app manifest for Relais, generated from its declarations (adapters/slack/manifest.ts): do not edit.
# HTTP mode: replace relais.example.org with your public address (Relais serves POST ${EVENTS_PATH}).
# Socket Mode: set socket_mode_enabled to true; the URLs are then unused and may stay as they are.
display_information:
  name: Relais
  description: Rencontres, astuces et résumés partagés entre réseaux partenaires.
  long_description: Relais annonce les rencontres et recueille les réponses (réactions et boutons), enregistre les astuces partagées dans une base consultable et publie un résumé périodique, sur Slack comme sur Matrix, dans une base commune à tous les réseaux partenaires.
  background_color: "#1d3557"
features:
  bot_user:
    display_name: Relais
    always_online: true
  slash_commands:
${commands.join('\n')}
  shortcuts:
    - name: ${quoted(truncate(capture.label.fr ?? capture.id, 24))}
      type: message
      callback_id: ${capture.id}
      description: ${quoted(truncate(capture.description.fr ?? capture.id, 150))}
oauth_config:
  scopes:
    bot:
${scopes.join('\n')}
settings:
  event_subscriptions:
    request_url: ${url}
    bot_events:
      - reaction_added
      - reaction_removed
  interactivity:
    is_enabled: true
    request_url: ${url}
  org_deploy_enabled: false
  socket_mode_enabled: false
  token_rotation_enabled: false
`;
}
