/**
 * Requests sent at once, where the documents say only one may take (a one-time secret, a single-use token): one
 * after another each sees the write of the one before, so only requests at once show a server that checks, awaits
 * its database, then writes. A handful is enough for two to meet between a check and its write.
 */
export const AT_ONCE = 4;
