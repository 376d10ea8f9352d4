-- When each account last signed in: the quarterly access review lists accounts dormant for too long.
alter table users add column last_sign_in_at timestamptz;

-- What the DfE's establishment file says of a school besides its LAESTAB: its URN and phase of education.
alter table schools add column urn text, add column phase text;
