-- The SMS channel: one conversation row per business and phone (the agent's snapshot between
-- webhook requests, an inactivity expiry and a short answering lease), and every text received by
-- Twilio's MessageSid with the answer given, so a retried webhook is answered the same way.
-- Opt-out (STOP) uses the existing Customer.smsOptOut column.

-- CreateTable
CREATE TABLE "SmsConversation" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "snapshot" JSONB,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastMessageAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lockToken" TEXT,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SmsConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundSms" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "messageSid" TEXT NOT NULL,
    "fromNumber" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "handling" TEXT NOT NULL,
    "reply" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InboundSms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmsConversation_businessId_phone_key" ON "SmsConversation"("businessId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "InboundSms_messageSid_key" ON "InboundSms"("messageSid");

-- CreateIndex
CREATE INDEX "InboundSms_businessId_receivedAt_idx" ON "InboundSms"("businessId", "receivedAt");

-- AddForeignKey
ALTER TABLE "SmsConversation" ADD CONSTRAINT "SmsConversation_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundSms" ADD CONSTRAINT "InboundSms_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written guards: a lease is a token and an expiry together or neither; a stored answer
-- belongs to a known way of handling the text.
ALTER TABLE "SmsConversation" ADD CONSTRAINT "SmsConversation_lease_check" CHECK (("lockToken" IS NULL) = ("lockedUntil" IS NULL));
ALTER TABLE "InboundSms" ADD CONSTRAINT "InboundSms_handling_check" CHECK ("handling" IN ('agent', 'opt_out', 'opt_in', 'help', 'opted_out', 'blank'));
