import { randomUUID } from 'node:crypto';

export interface Customer {
  id: string;
  email: string;
  name: string | null;
  externalId: string | null;
}

/** Customers created on confirm, found again by email like Polar's `get_by_email_and_organization`. */
export class CustomerStore {
  private readonly byId = new Map<string, Customer>();

  get(id: string): Customer | undefined {
    return this.byId.get(id);
  }

  findByEmail(email: string): Customer | undefined {
    const wanted = email.toLowerCase();
    return [...this.byId.values()].find((customer) => customer.email.toLowerCase() === wanted);
  }

  findByExternalId(externalId: string): Customer | undefined {
    return [...this.byId.values()].find((customer) => customer.externalId === externalId);
  }

  upsert(email: string, name: string | null, externalId: string | null): Customer {
    const existing = this.findByEmail(email);
    if (existing) {
      if (name !== null) existing.name = name;
      return existing;
    }
    const customer: Customer = { id: randomUUID(), email, name, externalId };
    this.byId.set(customer.id, customer);
    return customer;
  }

  clear(): void {
    this.byId.clear();
  }
}
