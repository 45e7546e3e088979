// Browser tests of the saps web UI: Playwright drives Debian's Chromium
// against a real `saps demo` (a fresh SQLite database on a simulated clock at
// 2020-11-02) started on a free port for this run.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The config is evaluated by the runner and again by each worker: the first
// evaluation picks the directory and the workers inherit it.
process.env.SAPS_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'saps-e2e-'));
const dir = process.env.SAPS_E2E_DIR;
const bin = resolve(__dirname, process.env.SAPS_BIN ?? '../target/debug/saps');

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    // Set by the web server's start-up line (see `wait` below).
    baseURL: process.env.SAPS_URL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 860 },
    trace: 'on-first-retry',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.SAPS_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'ui', testIgnore: /clock\.spec\.ts/ },
    // Moves the shared server's clock: alone, after everything else.
    { name: 'clock', testMatch: /clock\.spec\.ts/, dependencies: ['ui'] },
  ],
  webServer: {
    command: `"${bin}" demo --listen 127.0.0.1:0 --database "${dir}/demo.db" --mail-dir "${dir}/mail"`,
    // `saps demo` prints "open http://127.0.0.1:PORT/" once it listens.
    wait: { stdout: /open\s+(?<saps_url>http:\/\/[^\s/]+)/ },
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { SAPS_LOG: 'warn' },
  },
});
