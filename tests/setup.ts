// Shared test set-up: DOM matchers for component tests (which opt into jsdom per file).
import '@testing-library/jest-dom/vitest';
