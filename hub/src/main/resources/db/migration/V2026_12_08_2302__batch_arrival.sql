-- The order in which the hub received each batch: a school's batches of one feed merge in this order (BatchPipeline).
-- Intake takes the school's intake lock before drawing the number, so for one school it is the order of commit.
create sequence batch_arrivals;
alter table batches add column arrival bigint;
update batches set arrival = nextval('batch_arrivals') from (select id from batches order by received_at, id) o
where o.id = batches.id;
alter table batches alter column arrival set default nextval('batch_arrivals');
alter table batches alter column arrival set not null;
create index batches_school_feed_arrival on batches (laestab, kind, arrival);
