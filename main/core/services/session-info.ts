import type { SessionInfo } from '../../../common/contract.ts';
import type { UserRow } from '../db/users-repo.ts';

export function sessionInfo(user: UserRow): SessionInfo {
  return {
    userId: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    role: user.role,
    mustChangePassword: user.must_change_password === 1,
  };
}
