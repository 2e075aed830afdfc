import { CircuitBreaker } from '../../src/llm/circuitBreaker';

describe('the circuit breaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: () => now });
  beforeEach(() => {
    now = 10_000;
  });

  test('opens after the threshold of consecutive failures and refuses calls', () => {
    const circuit = breaker();
    for (let i = 0; i < 2; i++) {
      expect(circuit.tryAcquire()).toBe(true);
      circuit.recordFailure();
    }
    expect(circuit.state).toBe('closed');
    circuit.tryAcquire();
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
    expect(circuit.tryAcquire()).toBe(false);
  });

  test('a success in between resets the count', () => {
    const circuit = breaker();
    circuit.recordFailure();
    circuit.recordFailure();
    circuit.recordSuccess();
    circuit.recordFailure();
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
  });

  test('after the cool-down one trial call goes through; its success closes the circuit', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.recordFailure();
    now += 999;
    expect(circuit.tryAcquire()).toBe(false);
    now += 1;
    expect(circuit.state).toBe('halfOpen');
    expect(circuit.tryAcquire()).toBe(true);
    expect(circuit.tryAcquire()).toBe(false);
    circuit.recordSuccess();
    expect(circuit.state).toBe('closed');
    expect(circuit.tryAcquire()).toBe(true);
  });

  test('a failed trial opens it for another cool-down', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.recordFailure();
    now += 1000;
    expect(circuit.tryAcquire()).toBe(true);
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
    now += 1000;
    expect(circuit.state).toBe('halfOpen');
  });
});
