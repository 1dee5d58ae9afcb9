-- An idempotency key of POST /orders keeps what its checkout came to (order.internal.CheckoutOutcome, as JSON
-- tagged with its "type") instead of the HTTP status and body it was answered with: the order module says what
-- happened, the web layer renders it, and a repeated key is rendered the same way again. Keys answered before
-- this migration (kept 48 hours) are converted from the response they got, so they still replay exactly.

ALTER TABLE order_requests ADD COLUMN outcome JSONB;

UPDATE order_requests
SET outcome = CASE
    WHEN response_status = 201 THEN
        jsonb_build_object('type', 'placed', 'order', response_body::jsonb -> 'data')
    WHEN response_status = 402 THEN
        jsonb_build_object('type', 'declined', 'reason',
            regexp_replace(response_body::jsonb -> 'error' ->> 'message', '^The payment was declined: ', ''))
    ELSE
        jsonb_build_object('type', 'rejected',
            'kind', CASE response_status
                WHEN 400 THEN 'INVALID_REQUEST'
                WHEN 404 THEN 'NOT_FOUND'
                WHEN 409 THEN 'CONFLICT'
                ELSE 'UNPROCESSABLE' END,
            'code', response_body::jsonb -> 'error' ->> 'code',
            'message', response_body::jsonb -> 'error' ->> 'message',
            'details', COALESCE(response_body::jsonb -> 'error' -> 'details', '[]'::jsonb))
    END
WHERE response_status IS NOT NULL;

ALTER TABLE order_requests DROP COLUMN response_status, DROP COLUMN response_body;
