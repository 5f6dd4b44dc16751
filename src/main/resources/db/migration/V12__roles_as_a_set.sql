-- A person's roles are a set: one case role and, optionally, administration, stored in the same column
-- as before joined by commas ("safeguarding-lead,administrator"). A person stored with one code keeps
-- exactly that role, so administrators from before stay administrator-only; the column only widens.
ALTER TABLE app_user ALTER COLUMN role SET DATA TYPE VARCHAR(100);
