-- A region's own name for the office that serves a service there, as one {id, en} pair: Kota
-- Surabaya's "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya" for the catalogue's generic
-- "Dinas Kependudukan dan Pencatatan Sipil Kabupaten/Kota". Null keeps the catalogue's name.
alter table service_override add column agency_name jsonb;
