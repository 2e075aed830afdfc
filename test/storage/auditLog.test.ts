import { AuditLog } from '../../src/storage/repositories/auditLog';
import { describeWithRepositories } from './support/withRepositories';

describeWithRepositories('audit log', (context) => {
  test('entries are listed newest first and can be filtered', async () => {
    const { repositories, clock } = context();
    const { auditLog } = repositories;
    const start = clock.now();
    await auditLog.record({
      actor: { kind: 'csa', id: 'csa-1' },
      action: 'handoff.accepted',
      subject: { kind: 'handoff', id: 'h1' },
    });
    await auditLog.record({
      actor: { kind: 'csa', id: 'csa-1' },
      action: 'handoff.ended',
      subject: { kind: 'handoff', id: 'h1' },
    });
    clock.advance(1000);
    await auditLog.record({
      actor: { kind: 'supervisor', id: 'sup-1' },
      action: 'consoleUser.created',
      subject: { kind: 'consoleUser', id: 'csa-2' },
      details: { role: 'csa' },
    });
    expect((await auditLog.list()).map((entry) => entry.action)).toEqual([
      'consoleUser.created',
      'handoff.ended',
      'handoff.accepted',
    ]);
    expect(await auditLog.list({ action: 'handoff.ended' })).toHaveLength(1);
    expect(await auditLog.list({ actorId: 'sup-1' })).toMatchObject([{ details: { role: 'csa' } }]);
    expect(await auditLog.list({ subjectId: 'h1' })).toHaveLength(2);
    expect(await auditLog.list({ since: new Date(start.getTime() + 500) })).toHaveLength(1);
    expect(await auditLog.list({ until: new Date(start.getTime() + 500) })).toHaveLength(2);
    expect(await auditLog.list({ limit: 1 })).toHaveLength(1);
  });

  test('the log is append-only: it offers no way to change or delete an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditLog.prototype).filter((name) => name !== 'constructor');
    expect(methods.sort()).toEqual(['ensureIndexes', 'list', 'record']);
  });
});
