-- Every request through a browser session rewrites the session's last-access time. Sessions are
-- ephemeral: keeping them out of the write-ahead log makes that write cost no disk flush. After
-- a database crash the sessions are gone and people log in again; nothing else is lost.
alter table spring_session_attributes set unlogged;
alter table spring_session set unlogged;
comment on table spring_session is 'HTTP sessions shared by all application instances (Spring Session JDBC). Unlogged: emptied after a database crash.';
