// Optional tenant allow-list (ALLOWED_TENANT_IDS): a bot registered as multi-tenant can still be limited to the
// organisations that should read LOVP reports. Activities from other tenants are refused before any handler runs.

/** The Microsoft Entra tenant an activity comes from, as Teams puts it in channelData or the conversation. */
export function tenantOf(activity: { channelData?: { tenant?: { id?: unknown } }; conversation?: { tenantId?: unknown } }): string | undefined {
  const id = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' && id ? id.toLowerCase() : undefined;
}

/** True when no allow-list is configured, or the activity's tenant is on it. */
export function tenantAllowed(allowed: ReadonlySet<string>, activity: Parameters<typeof tenantOf>[0]): boolean {
  if (allowed.size === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowed.has(tenant);
}
