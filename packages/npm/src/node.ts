// The package entry for Node.
import './init-node.js';

export * from './index.js';
