/* global document, window, Pusher */
// The platform's own monitoring page, reduced to what the rendering benchmark compares: the whole
// fleet as one table, and the real-time handler written the way the platform's page writes it
// (shared/seed: "handleRvmStatusUpdate"): per event, a querySelector for the row, the status cell
// rewritten, and a toast. pusher-js's browser build, subscribed to the public `rvm-status` channel.
(async () => {
  const config = await (await fetch('/config.json')).json();

  const label = (status) => status.charAt(0).toUpperCase() + status.slice(1);
  const tbody = document.getElementById('rvms');
  for (const machine of config.machines) {
    const row = document.createElement('tr');
    row.setAttribute('data-rvm-id', String(machine.id));
    row.setAttribute('data-status', machine.status);
    for (const [text, className] of [
      [String(machine.id)],
      [machine.name],
      [machine.location ?? ''],
      [label(machine.status), `status-cell status-${machine.status}`],
      [`${Math.round(machine.capacity)}%`],
      [machine.last_status_change],
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (className) cell.className = className;
      row.appendChild(cell);
    }
    tbody.appendChild(row);
  }

  function showNotification(message, type) {
    const toast = document.createElement('div');
    toast.className = `toast toast-${type}`;
    toast.textContent = message;
    document.getElementById('toasts').appendChild(toast);
    setTimeout(() => toast.remove(), 5000);
  }

  function handleRvmStatusUpdate(data) {
    // Update RVM status in table
    const rvmRow = document.querySelector(`tr[data-rvm-id="${data.rvm_id}"]`);
    if (rvmRow) {
      rvmRow.setAttribute('data-status', data.status);
      const statusCell = rvmRow.querySelector('.status-cell');
      statusCell.className = 'status-cell';
      statusCell.classList.add(`status-${data.status}`);
      statusCell.textContent = label(data.status);
    }
    // Show notification
    showNotification(`RVM ${data.rvm_name} status updated to ${data.status}`, 'info');
  }

  const pusher = new Pusher(config.key, {
    cluster: 'mt1',
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
  });
  const channel = pusher.subscribe('rvm-status');
  channel.bind('pusher:subscription_succeeded', () => {
    window.__benchReady = true;
  });
  channel.bind('rvm.status.updated', handleRvmStatusUpdate);
})();
