/** The engine's version, recorded in every piece of check evidence (kept equal to package.json by a test). */
export const ENGINE_VERSION = '0.1.0';
