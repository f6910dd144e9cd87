-- Notification e-mails carry an HTML part beside the plain text, and a one-click unsubscribe link
-- for their kind (the List-Unsubscribe header, RFC 8058).
alter table mail_outbox add column html text check (length(html) <= 100000);
alter table mail_outbox add column list_unsubscribe text check (length(list_unsubscribe) <= 2000);
alter table mail_outbox drop constraint mail_outbox_body_check;
alter table mail_outbox add constraint mail_outbox_body_check check (length(body) <= 100000);
