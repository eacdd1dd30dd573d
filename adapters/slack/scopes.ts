/** The bot token's scopes, with why Relais asks for them: the app manifest lists them, `relais doctor` checks the token has them. */
export const botScopeGroups: Array<{ why?: string; scopes: string[] }> = [
  { scopes: ['commands', 'chat:write'] },
  { why: 'Announcing in a public channel Relais has not been invited to.', scopes: ['channels:join'] },
  {
    why: 'Names of channels, finding the message a reaction points at, and what was posted before a retry.',
    scopes: ['channels:read', 'groups:read', 'channels:history', 'groups:history', 'im:history', 'reactions:read', 'reactions:write'],
  },
  { why: 'Display names, and workspace admins (they moderate their channels\' own settings).', scopes: ['users:read'] },
  { why: 'Private messages: reminders, waitlist promotions, cancellations.', scopes: ['im:write'] },
];

export const botScopes = botScopeGroups.flatMap((group) => group.scopes);
