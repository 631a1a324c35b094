import { loadConfig } from '../../src/config/app-config';
import { RateLimiter } from '../../src/auth/rate-limiter';
import { Clock } from '../../src/shared/clock';

class ManualClock extends Clock {
  time = Date.parse('2024-01-01T00:00:00Z');
  now() {
    return new Date(this.time);
  }
}

describe('RateLimiter (counts calls; the clock is moved by hand, nothing waits)', () => {
  const config = loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_MUTATIONS: '3', RATE_LIMIT_EXPENSIVE_QUERIES: '2' });

  it('allows the limit per window, refuses the next with RATE_LIMITED, and opens again in the next window', () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter(config, clock);
    for (let i = 0; i < 3; i++) limiter.consume('mutation', 'user:a');
    expect(() => limiter.consume('mutation', 'user:a')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 60 }) }));
    clock.time += 59_000;
    expect(() => limiter.consume('mutation', 'user:a')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ retryAfterSeconds: 1 }) }));
    clock.time += 1_000;
    expect(() => limiter.consume('mutation', 'user:a')).not.toThrow();
  });

  it('counts each caller and each bucket separately', () => {
    const limiter = new RateLimiter(config, new ManualClock());
    for (let i = 0; i < 3; i++) limiter.consume('mutation', 'user:a');
    expect(() => limiter.consume('mutation', 'user:b')).not.toThrow();
    expect(() => limiter.consume('expensive-query', 'user:a')).not.toThrow();
    limiter.consume('expensive-query', 'ip:10.0.0.1');
    limiter.consume('expensive-query', 'ip:10.0.0.1');
    expect(() => limiter.consume('expensive-query', 'ip:10.0.0.1')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }));
  });
});
