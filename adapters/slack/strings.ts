/** The Slack adapter's own strings (port.translate(locale, 'platforms.slack.…')): French, then English. */
export const strings = {
  fr: {
    errors: {
      notInChannel: 'Relais n’est pas membre de ce salon : invitez-le avec /invite @Relais, puis réessayez.',
    },
    /** `relais doctor`: what was found, then what to do. */
    doctor: {
      connected: 'Slack : connecté à l’espace de travail {team} ({teamId}) en tant que {user}',
      scopes: 'Slack : le jeton a les {count} permissions (scopes) que demande le manifeste',
      scopesMissing: 'Slack : il manque au jeton les permissions {scopes}',
      scopesUnknown: 'Slack : auth.test n’a pas dit quelles permissions (scopes) a le jeton',
      scopesFix: 'ajoutez-les sous OAuth & Permissions (la liste est dans adapters/slack/manifest.yml), réinstallez l’application dans l’espace de travail et copiez le nouveau jeton dans SLACK_BOT_TOKEN',
      tokenRefused: 'Slack : le jeton du bot est refusé ({reason})',
      tokenFix: 'copiez le « Bot User OAuth Token » (xoxb-…) de la page OAuth & Permissions de l’application dans SLACK_BOT_TOKEN',
      unreachable: 'Slack : l’API web ne répond pas ({reason})',
      unreachableFix: 'vérifiez que cette machine joint slack.com (proxy, pare-feu), ou SLACK_API_URL',
      socketMode: 'Slack : le jeton d’application (Socket Mode) est accepté',
      appTokenRefused: 'Slack : le jeton d’application (Socket Mode) est refusé ({reason})',
      appTokenFix: 'sous Basic Information → App-Level Tokens, générez un jeton avec la permission connections:write et mettez-le (xapp-…) dans SLACK_APP_TOKEN',
    },
  },
  en: {
    errors: {
      notInChannel: 'Relais is not a member of this channel: invite it with /invite @Relais, then try again.',
    },
    doctor: {
      connected: 'Slack: connected to the {team} workspace ({teamId}) as {user}',
      scopes: 'Slack: the token has the {count} scopes the manifest asks for',
      scopesMissing: 'Slack: the token lacks the scopes {scopes}',
      scopesUnknown: 'Slack: auth.test did not say which scopes the token has',
      scopesFix: 'add them under OAuth & Permissions (adapters/slack/manifest.yml lists them), reinstall the app to the workspace and copy the new token into SLACK_BOT_TOKEN',
      tokenRefused: 'Slack: the bot token is refused ({reason})',
      tokenFix: 'copy the app’s Bot User OAuth Token (xoxb-…, on its OAuth & Permissions page) into SLACK_BOT_TOKEN',
      unreachable: 'Slack: the Web API does not answer ({reason})',
      unreachableFix: 'check that this machine reaches slack.com (proxy, firewall), or SLACK_API_URL',
      socketMode: 'Slack: the app-level token (Socket Mode) is accepted',
      appTokenRefused: 'Slack: the app-level token (Socket Mode) is refused ({reason})',
      appTokenFix: 'under Basic Information → App-Level Tokens, generate a token with the connections:write scope and put it (xapp-…) in SLACK_APP_TOKEN',
    },
  },
};
