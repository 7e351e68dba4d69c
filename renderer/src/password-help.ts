import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '../../common/rules.ts';

export const PASSWORD_HELP = `At least ${PASSWORD_MIN_LENGTH} characters (at most ${PASSWORD_MAX_BYTES} bytes). A passphrase of a few words works well.`;
