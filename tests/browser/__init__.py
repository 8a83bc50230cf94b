"""Browser tests: the built site in Debian's Chromium (Playwright), marked `browser`."""
