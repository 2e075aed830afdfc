// @ts-check
/**
 * The layers, enforced by `npm run lint`: layers point inward. Each rule names the layer it protects and why; a
 * rule that is relaxed somewhere says so and says until when.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'conversation-not-on-channel-or-repositories',
      comment:
        'bot/ and dialogs/ hold the conversation: they reach the web chat channel and the stored documents through ' +
        'ports (ProactiveChannel, TranscriptAppender, AnalyticsRecorder, the services), never the Direct Line ' +
        "channel or the storage adapters. The storage port's own error vocabulary (storageErrors) is allowed: an " +
        'outage is part of the contract every caller handles.',
      severity: 'error',
      from: { path: '^(bot|dialogs)/' },
      to: { path: ['^src/channel/directline/', '^src/storage/(?!storageErrors\\.ts$)'] },
    },
    {
      name: 'services-not-on-direct-line',
      comment:
        'The cluster, the console, the server and the requests domain do not depend on the Direct Line channel: ' +
        'shared HTTP pieces (rate limits, request origin, attachment URLs, body reading, static assets) live in ' +
        'src/server/http.',
      severity: 'error',
      from: { path: '^src/(cluster|console|server|requests)/' },
      to: { path: '^src/channel/directline/' },
    },
    {
      name: 'mongodb-only-in-its-adapter',
      comment:
        'The MongoDB driver is one storage adapter: nothing else imports it (the port has its own Filter/Update ' +
        'types).',
      severity: 'error',
      // The MongoDB contract runs and the two-instance test open a real server through the driver.
      from: { path: '.', pathNot: ['^src/storage/mongodb/', '^test/storage/support/', '^test/cluster/twoInstances'] },
      to: { path: '(^|/)node_modules/mongodb/' },
    },
    {
      name: 'botbuilder-only-in-the-conversation-and-its-transport',
      comment:
        'The Bot Framework SDK stays in bot/ and dialogs/, the Bot Framework transport (the Direct Line channel, ' +
        '/api/messages, the Bot Framework state adapter) and the composition roots (src/app.ts, src/composition, ' +
        'the conversation-evaluation CLI, which runs the real bot), so moving to the Microsoft 365 Agents SDK ' +
        'touches only those.',
      severity: 'error',
      from: {
        path: '.',
        pathNot: [
          '^(bot|dialogs)/',
          '^src/channel/directline/',
          '^src/server/messagesRoute\\.ts$',
          '^src/storage/botState/',
          // TODO(lead): the transcript repository types its entries with botbuilder's Activity; give it its own shape.
          '^src/storage/repositories/transcriptRepository\\.ts$',
          '^src/app\\.ts$',
          '^src/composition/',
          '^src/cli/evaluateConversations\\.ts$',
          '^test/',
          '^bench/',
        ],
      },
      to: { path: '(^|/)node_modules/(botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    // node_modules may be a symlink (git worktrees share one): keep its path, so the rules below match it.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
