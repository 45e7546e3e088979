-- The directory's driven searches read each driving company's sort key by
-- its id: covered by this index, without touching the profile's row.
CREATE INDEX partner_profiles_partner_key ON partner_profiles (partner_id, sort_key);
