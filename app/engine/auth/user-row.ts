/** The `auth_user` table's row: Django's User columns as plain data. */

/** One `auth_user` row: plain serialisable data (times are seconds since the epoch). */
export interface UserRow {
  id: number
  password: string
  last_login: number | null
  is_superuser: boolean
  username: string
  first_name: string
  last_name: string
  email: string
  is_staff: boolean
  is_active: boolean
  date_joined: number
}

/** The columns of `auth_user`, in Django's order. */
export const USER_FIELDS = [
  'id',
  'password',
  'last_login',
  'is_superuser',
  'username',
  'first_name',
  'last_name',
  'email',
  'is_staff',
  'is_active',
  'date_joined',
] as const satisfies ReadonlyArray<keyof UserRow>
