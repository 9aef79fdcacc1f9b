/** A domain event as the deciders see it: its type (stored with it) and its data. */
export interface DomainEvent<Type extends string, Data extends object> {
  readonly type: Type;
  readonly data: Data;
}
