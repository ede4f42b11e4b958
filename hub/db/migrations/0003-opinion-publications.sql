-- Lấy ý kiến bằng văn bản online: a signed opinion request for the units of the members asked,
-- and each member's signed answers back to the unit that asked. Both name the request, not a
-- meeting; the older kinds keep naming their meeting.
ALTER TABLE publications DROP CONSTRAINT publications_kind_check;
ALTER TABLE publications ADD CONSTRAINT publications_kind_check
  CHECK (kind IN ('meeting_pack', 'conclusion_notice', 'opinion_request', 'opinion_answers'));
ALTER TABLE publications ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE publications ADD COLUMN request_id uuid;
ALTER TABLE publications ADD CONSTRAINT publications_subject CHECK (
  CASE WHEN kind IN ('opinion_request', 'opinion_answers') THEN request_id IS NOT NULL AND meeting_id IS NULL
       ELSE meeting_id IS NOT NULL AND request_id IS NULL END
);
CREATE INDEX publications_request ON publications (request_id) WHERE request_id IS NOT NULL;
