// The package entry for browsers.
import './init-browser.js';

export * from './index.js';
