/** The details of one denied authorization, in the shape of STS's DecodedMessage. */
export interface DeniedAuthorization {
  readonly allowed: boolean
  readonly explicitDeny: boolean
  readonly principal: { readonly id: string; readonly name: string; readonly arn: string }
  readonly action: string
  readonly resource: string
  readonly conditions: Readonly<Record<string, string | readonly string[]>>
}

/** What the EC2 service needs from the rest of the server. */
export interface Ec2Env {
  /** Seals denial details into the message sts:DecodeAuthorizationMessage opens. */
  readonly encodeAuthorizationFailure: (details: DeniedAuthorization, now: Date) => Promise<string>
}
