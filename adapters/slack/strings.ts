/** The Slack adapter's own strings (port.translate(locale, 'platforms.slack.…')): French, then English. */
export const strings = {
  fr: {
    errors: {
      notInChannel: 'Relais n’est pas membre de ce salon : invitez-le avec /invite @Relais, puis réessayez.',
    },
  },
  en: {
    errors: {
      notInChannel: 'Relais is not a member of this channel: invite it with /invite @Relais, then try again.',
    },
  },
};
