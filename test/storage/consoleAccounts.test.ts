import { DAY, MINUTE } from './support/testClock';
import { describeWithRepositories } from './support/withRepositories';

const csa = { email: 'Alex.CSA@council.gov.uk', displayName: 'Alex', role: 'csa' as const, passwordHash: 'scrypt$x' };

describeWithRepositories('console users', (context) => {
  test('an email can hold one account, whatever its case', async () => {
    const { consoleUsers } = context().repositories;
    const created = await consoleUsers.create(csa);
    expect(created).toMatchObject({ ok: true, user: { email: 'alex.csa@council.gov.uk', failedSignIns: 0 } });
    expect(await consoleUsers.create({ ...csa, email: 'ALEX.CSA@council.gov.uk' })).toEqual({
      ok: false,
      reason: 'emailTaken',
    });
    expect(await consoleUsers.findByEmail(' alex.csa@COUNCIL.gov.uk')).toMatchObject({ displayName: 'Alex' });
    expect(await consoleUsers.count()).toBe(1);
  });

  test('failed sign-ins are all counted, even at once; a good sign-in clears the count and the lock', async () => {
    const { repositories, clock } = context();
    const { consoleUsers } = repositories;
    const created = await consoleUsers.create(csa);
    if (!created.ok) throw new Error('not created');
    const id = created.user._id;
    await Promise.all(Array.from({ length: 10 }, () => consoleUsers.recordFailedSignIn(id)));
    expect((await consoleUsers.findById(id))?.failedSignIns).toBe(10);
    const until = new Date(clock.now().getTime() + 15 * MINUTE);
    expect(await consoleUsers.lockUntil(id, until)).toMatchObject({ lockedUntil: until });
    const signedIn = await consoleUsers.recordSignIn(id);
    expect(signedIn).toMatchObject({ failedSignIns: 0, lastSignedInAt: clock.now() });
    expect(signedIn?.lockedUntil).toBeUndefined();
    expect(await consoleUsers.recordFailedSignIn('nobody')).toBeNull();
  });
});

describeWithRepositories('console sessions', (context) => {
  test('a session is found by its token until it expires; only a hash of the token is stored', async () => {
    const { repositories, clock } = context();
    const { consoleSessions } = repositories;
    const { token, session } = await consoleSessions.create('user-1', 30 * MINUTE);
    expect(session._id).not.toContain(token);
    expect(await consoleSessions.findValid(token)).toEqual(session);
    clock.advance(20 * MINUTE);
    expect(await consoleSessions.touch(token, 30 * MINUTE)).toMatchObject({ lastSeenAt: clock.now() });
    clock.advance(29 * MINUTE);
    expect(await consoleSessions.findValid(token)).not.toBeNull();
    clock.advance(2 * MINUTE);
    expect(await consoleSessions.findValid(token)).toBeNull();
    expect(await consoleSessions.touch(token, 30 * MINUTE)).toBeNull();
    expect(await consoleSessions.findValid('made-up-token')).toBeNull();
  });

  test('signing out, signing out everywhere, and purging expired sessions', async () => {
    const { repositories, clock } = context();
    const { consoleSessions } = repositories;
    const one = await consoleSessions.create('user-1', DAY);
    const two = await consoleSessions.create('user-1', DAY);
    const other = await consoleSessions.create('user-2', MINUTE);
    await consoleSessions.revoke(one.token);
    expect(await consoleSessions.findValid(one.token)).toBeNull();
    expect(await consoleSessions.revokeAllForUser('user-1')).toBe(1);
    expect(await consoleSessions.findValid(two.token)).toBeNull();
    clock.advance(2 * MINUTE);
    expect(await consoleSessions.purgeExpired(clock.now())).toBe(1);
    expect(await consoleSessions.findValid(other.token)).toBeNull();
  });

  test('availability: counted while available, enabled and seen recently', async () => {
    const { repositories, clock } = context();
    const { consoleUsers } = repositories;
    const created = await consoleUsers.create(csa);
    if (!created.ok) throw new Error('not created');
    const id = created.user._id;
    expect(created.user).toMatchObject({ availability: 'away', mustChangePassword: false });
    const seenSince = () => new Date(clock.now().getTime() - 2 * MINUTE);
    expect(await consoleUsers.countAvailable(seenSince())).toBe(0);
    await consoleUsers.setAvailability(id, 'available');
    expect(await consoleUsers.countAvailable(seenSince())).toBe(1);
    clock.advance(3 * MINUTE);
    expect(await consoleUsers.countAvailable(seenSince())).toBe(0);
    await consoleUsers.recordHeartbeat(id);
    expect(await consoleUsers.countAvailable(seenSince())).toBe(1);
    await consoleUsers.setDisabled(id, true);
    expect(await consoleUsers.countAvailable(seenSince())).toBe(0);
    expect(await consoleUsers.findById(id)).toMatchObject({ availability: 'away', disabled: true });
  });

  test('role, one-time passwords and clearing failures', async () => {
    const { repositories, clock } = context();
    const { consoleUsers } = repositories;
    const created = await consoleUsers.create({ ...csa, mustChangePassword: true });
    if (!created.ok) throw new Error('not created');
    const id = created.user._id;
    expect(await consoleUsers.setRole(id, 'supervisor')).toMatchObject({ role: 'supervisor' });
    await consoleUsers.recordFailedSignIn(id);
    await consoleUsers.lockUntil(id, new Date(clock.now().getTime() + MINUTE));
    const cleared = await consoleUsers.clearFailedSignIns(id);
    expect(cleared).toMatchObject({ failedSignIns: 0 });
    expect(cleared?.lockedUntil).toBeUndefined();
    expect(await consoleUsers.setPasswordHash(id, 'argon2$new', false)).toMatchObject({
      passwordHash: 'argon2$new',
      mustChangePassword: false,
    });
  });
});
