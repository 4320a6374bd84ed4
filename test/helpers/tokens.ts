import { webCryptoRandom } from '../../src/adapters/random';
import { sha256 } from '../../src/adapters/vault';
import type { TokenMaker } from '../../src/services/audience-sessions';

/** Session tokens made outside a host (seeded sessions): WebCrypto's random bytes and the digest every vault uses. */
export const testTokens: TokenMaker = { random: webCryptoRandom, vault: { tokenDigest: sha256 } };
