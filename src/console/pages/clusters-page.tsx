import type { Clients } from '../clients.js'
import { Link } from '../components/link.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

/** The clusters of the signed-in account in the console's region (`GET /api/clusters_mgmt/v1/clusters`). */
export function ClustersPage(props: { readonly clients: Clients }) {
  const state = useLoad(() => props.clients.clusters.listClusters(), [props.clients])
  return (
    <section>
      <h1>Clusters</h1>
      <p className="muted">ROSA classic STS clusters in {props.clients.clusters.regionName}.</p>
      <LoadStatus state={state} what="clusters" />
      {state.data && state.data.length === 0 && (
        <p>No clusters. Create one with lanyard rosa create cluster.</p>
      )}
      {state.data && state.data.length > 0 && (
        <table aria-label="Clusters">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col">Region</th>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((cluster) => (
              <tr key={cluster.id}>
                <th scope="row">
                  <Link to={`/clusters/${encodeURIComponent(cluster.id)}`}>{cluster.name}</Link>
                </th>
                <td data-testid="cluster-state">{cluster.state}</td>
                <td>{cluster.region.id}</td>
                <td>{cluster.version.id}</td>
                <td>{new Date(cluster.creation_timestamp).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
