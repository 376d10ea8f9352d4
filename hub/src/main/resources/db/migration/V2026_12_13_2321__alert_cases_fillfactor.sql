-- The alert follow-ups rewrite most open cases every night: a new day's marks move every absence rate. With room
-- left on its page, PostgreSQL writes a row's new version beside the old one and adds nothing to the table's five
-- indexes (a heap-only update); on a full page every rewrite goes to another page and into every index, about four
-- times the work (a school's 5,724 cases rewritten: 50 ms against 210 ms, docs/performance.md). Pages written
-- from now on keep half their room; the next rewrite on the page reclaims the versions the last one left.
alter table alert_cases set (fillfactor = 50);
