// `rosterkit/sansio` for Node.
import './init-node.js';

export * from './sansio.js';
