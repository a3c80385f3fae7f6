// `rosterkit/sansio` for browsers.
import './init-browser.js';

export * from './sansio.js';
