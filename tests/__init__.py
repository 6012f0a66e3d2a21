"""The test suite: unit tests, and end-to-end tests with the runtime, Chromium and nginx."""
