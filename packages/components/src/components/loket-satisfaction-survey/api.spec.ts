import { describe, expect, it } from 'vitest';
import { aboutOf } from './api';

describe('which survey a code opens', () => {
  it('is a visit for a booking code (ANT-XXXX-XXXX, any case, dashes and prefix optional), else an application', () => {
    for (const code of ['ANT-7K4M-Q2XP', 'ant-7k4m-q2xp', '7K4MQ2XP', 'ANT7K4MQ2XP'])
      expect(aboutOf(code)).toBe('visit');
    for (const code of ['LKT-7K4M-Q2XP-9ZTR', 'lkt7k4mq2xp9ztr', '7K4MQ2XP9ZTR'])
      expect(aboutOf(code)).toBe('application');
  });
});
