-- Reports and lists find duties by their start time; the index on duty_date was not used and
-- made every insert (imports, the first demo load) slower.
drop index duties.duty_date_ix;
